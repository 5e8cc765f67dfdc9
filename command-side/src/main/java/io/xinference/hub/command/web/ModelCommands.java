package io.xinference.hub.command.web;

import io.xinference.hub.command.model.ModelChanged;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Sends a change to a model and answers {@code 200 {modelId, modelName, status, version}} with its ETag. */
@Component
public class ModelCommands {

    private final CommandGateway gateway;

    public ModelCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public ResponseEntity<ModelChanged> send(Object command) {
        ModelChanged changed = gateway.sendAndWait(command);
        return ModelVersions.answer(HttpStatus.OK, changed);
    }
}
