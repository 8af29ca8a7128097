# Build and run the gateway. docker compose up starts it with PostgreSQL (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/mobile-money-gateway-*.jar /gateway.jar

FROM eclipse-temurin:17-jre
# /data holds the payout folders (inbox, outbox, done, failed): mount a volume there.
RUN useradd --system --uid 10001 gateway && mkdir -p /routes /data /app && chown gateway /routes /data /app
COPY --from=build /gateway.jar /app/gateway.jar
# Faster start-up (docs/benchmarks.md): the jar extracted, and a class data sharing archive written by a training
# run that starts the gateway once on a throw-away embedded database and stops when it is ready. Best effort:
# without the archive the gateway starts all the same, only slower (-Xshare:auto).
RUN java -Djarmode=tools -jar /app/gateway.jar extract --destination /app/extracted \
 && (cd /app/extracted && GATEWAY_EMBEDDED_DB_DIR= java -XX:ArchiveClassesAtExit=gateway.jsa \
        -Dspring.context.exit=onRefresh -jar gateway.jar > /dev/null 2>&1 || echo "No class data sharing archive") \
 && chown -R gateway /app
USER gateway
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/extracted/gateway.jsa", "-Xshare:auto", "-jar", "/app/extracted/gateway.jar"]
