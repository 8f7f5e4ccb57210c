# syntax=docker/dockerfile:1
# Images of the compose stack (docker-compose.yaml), built from a fresh clone: nothing is installed when a container
# starts. Node 22 LTS on Debian bookworm (amd64 and arm64).
#
#   plugins     npm ci && npm run build: the Grafana plugins (dist/), world-readable (Grafana runs as uid 472)
#   aggregator  npm ci --omit=dev: the production dependencies only, and the aggregator's code; runs as `node`
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS plugins
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY webpack webpack
COPY src src
# The default umask (022): every file of dist/ readable by Grafana's user; made sure of anyway.
RUN npm run build && chmod -R a+rX dist
# Copies the plugins into the volume Grafana mounts (emptied first, so a rebuild leaves no stale file).
CMD ["sh", "-c", "find /plugins -mindepth 1 -delete && cp -R dist/. /plugins/ && chmod -R a+rX /plugins && ls /plugins/plugin.json"]

FROM ${NODE_IMAGE} AS aggregator
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin bin
COPY backend backend
COPY provisioning/compose provisioning/compose
USER node
EXPOSE 8360
CMD ["sh", "-c", "node bin/services360.js migrate && exec node bin/services360.js serve"]
