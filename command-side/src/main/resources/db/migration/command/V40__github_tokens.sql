-- People's GitHub tokens for pull requests, AES-256-GCM encrypted (io.xinference.hub.command.usercenter.TokenCipher).
CREATE TABLE github_token (
    user_subject varchar(255) NOT NULL PRIMARY KEY,
    nonce        bytea        NOT NULL,
    ciphertext   bytea        NOT NULL,
    updated_at   timestamp(6) with time zone NOT NULL
);
