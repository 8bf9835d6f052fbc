package org.kizuna.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests only where PostgreSQL answers on 127.0.0.1:5432; under CI a missing
 * PostgreSQL fails the run instead of skipping it.
 */
public final class PostgresAvailable implements ExecutionCondition {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = System.getenv().getOrDefault("KIZUNA_TEST_PG_USER", "postgres");

    private static volatile Boolean answering;

    public static boolean answering() {
        if (answering == null) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
                answering = true;
            } catch (IOException e) {
                answering = false;
            }
        }
        return answering;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (answering()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers on 127.0.0.1:5432");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no PostgreSQL answers on 127.0.0.1:5432: the PostgreSQL tests cannot run");
        }
        String message = "SKIPPED: no PostgreSQL answers on 127.0.0.1:5432, so the PostgreSQL tests of "
                + context.getDisplayName() + " do not run (they run, and must pass, under CI)";
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}
