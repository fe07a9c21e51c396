# videobot: `docker compose up -d` (see docker-compose.yml), or
#   docker build -t videobot . && docker run -d --env-file .env -v videobot-data:/data videobot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/data/bot.sqlite3

WORKDIR /app

# Dependencies first (pinned, the versions the tests ran with): a code change does not reinstall them.
COPY requirements.txt ./
RUN pip install -r requirements.txt

# Run from the source folder, as the Procfile does (python -m bot finds the bot and cogs packages here).
COPY bot ./bot
COPY cogs ./cogs

# An unprivileged user owns the data volume and nothing else.
RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin videobot \
    && mkdir -p /data && chown videobot:videobot /data
USER videobot

# The SQLite database, its -wal/-shm files, kept references and clips, and the heartbeat (health.json).
VOLUME ["/data"]
# Only used when WEBHOOK_PUBLIC_URL is set (the push receiver, GET /healthz).
EXPOSE 8080

# Healthy only while the gateway is connected and the worker loop runs (reads /data/health.json).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["python", "-m", "bot", "--health"]

# SIGTERM makes the bot drain (about 8 s) before it exits; give it the time (compose: stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot"]
