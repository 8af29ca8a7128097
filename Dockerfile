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
USER gateway
WORKDIR /app
COPY --from=build /gateway.jar /app/gateway.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75", "-jar", "/app/gateway.jar"]
