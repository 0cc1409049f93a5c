# The pipeline on the official Airflow image: same Airflow version as the lock, pipeline installed from it.
FROM apache/airflow:3.3.2

USER airflow
WORKDIR /opt/airflow/project
COPY --chown=airflow:root requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir -r requirements.lock
COPY --chown=airflow:root pipeline ./pipeline
COPY --chown=airflow:root sql ./sql
COPY --chown=airflow:root dags ./dags
RUN pip install --no-cache-dir --no-deps -e .

ENV AIRFLOW__CORE__DAGS_FOLDER=/opt/airflow/project/dags \
    AIRFLOW__CORE__LOAD_EXAMPLES=False \
    AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=False \
    NEWS_RULES_DIR=/opt/airflow/rules \
    NEWS_INBOX_DIR=/opt/airflow/inbox \
    NEWS_DATA_DIR=/opt/airflow/data
WORKDIR /opt/airflow
