# Build and run the gateway. docker compose up starts it with PostgreSQL (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
# This stage runs on the image's platform (linux/amd64 or linux/arm64), so the pom's embedded-postgres profile for
# that platform is the active one: the jar carries the one set of PostgreSQL binaries the training run below uses.
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/mobile-money-gateway-*.jar extract --destination /extracted \
 && mv /extracted/mobile-money-gateway-*.jar /extracted/gateway.jar

FROM eclipse-temurin:17-jre
# /data holds the payout folders (inbox, outbox, done, failed): mount a volume there.
RUN useradd --system --uid 10001 gateway && mkdir -p /routes /data /app && chown gateway /routes /data /app
# The jar extracted (its libraries beside it in lib/): class loading is faster than from the nested jars.
COPY --from=build --chown=gateway /extracted /app
USER gateway
# A class data sharing archive (docs/benchmarks.md), written by a training run of this image's own JVM: it starts
# the gateway once on a throw-away embedded PostgreSQL (which refuses to run as root, hence after USER) and stops
# when it is ready. The archive records the jar's path, so the training run and ENTRYPOINT use the same one.
# Best effort: without the archive the gateway starts all the same, only slower (-Xshare:auto).
RUN cd /tmp && GATEWAY_EMBEDDED_DB_DIR= GATEWAY_BATCHES_DIR=/tmp/training-batches \
      java -XX:ArchiveClassesAtExit=/app/gateway.jsa -Dspring.context.exit=onRefresh -jar /app/gateway.jar \
        > /tmp/training.log 2>&1 \
    || (echo "No class data sharing archive:" && tail -n 20 /tmp/training.log && rm -f /app/gateway.jsa); \
    rm -rf /tmp/training-batches /tmp/training.log
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/gateway.jsa", "-Xshare:auto", "-jar", "/app/gateway.jar"]
