package io.xinference.hub.command.usercenter;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredGithubTokens extends JpaRepository<StoredGithubToken, String> {
}
