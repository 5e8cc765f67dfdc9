# One image recipe for both apps; build from the repository root after ./hub build:
#   docker build -f docker/app.Dockerfile --build-arg APP=command-side -t models-hub/command-side .
FROM eclipse-temurin:17-jre
ARG APP
RUN useradd --system --uid 10001 hub
COPY ${APP}/target/${APP}-0.1.0-SNAPSHOT.jar /opt/hub/app.jar
USER hub
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true"
ENTRYPOINT ["java", "-jar", "/opt/hub/app.jar"]
