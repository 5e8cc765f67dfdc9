package io.xinference.hub.query.web;

/**
 * The Xinference API's answer for a model that exists but that the caller may not see: 403 with
 * {@code error_code: MODEL_PRIVATE} (the contract's shape, inside a problem-details body).
 */
public class ModelPrivateException extends RuntimeException {

    public ModelPrivateException(String modelName) {
        super("model " + modelName + " is not visible to you");
    }
}
