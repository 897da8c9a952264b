# syntax=docker/dockerfile:1
# The one jar as an image. Which role a container plays is chosen at run time with
# SPRING_PROFILES_ACTIVE (postgres,command / postgres,query / ... see docker-compose.yml).

# Build with the Maven wrapper; tests need a PostgreSQL and run in CI, not here.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -pl app -am package \
 && java -Djarmode=tools -jar app/target/hotel.jar extract --layers --launcher --destination /layers

# Run on a JRE as an unprivileged user, one image layer per jar layer (dependencies change least often).
FROM eclipse-temurin:17-jre
RUN groupadd --system hotel && useradd --system --gid hotel --home-dir /app --no-create-home hotel \
 && mkdir -p /app/data && chown hotel:hotel /app/data
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER hotel
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
