# syntax=docker/dockerfile:1

# ---- build: compile TypeScript and better-sqlite3's native module ----
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev

# ---- run: only what the bot needs, as an unprivileged user ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/pacer.sqlite
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node migrations ./migrations
# The chart font (TTF) is read at run time from src/assets/fonts.
COPY --chown=node:node src/assets ./src/assets
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Migrations are applied by the bot itself at every start.
CMD ["node", "dist/src/main.js"]
