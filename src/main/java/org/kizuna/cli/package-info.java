/**
 * The {@code ./kizuna} verbs: picocli commands that parse and check options and print, and nothing
 * else. What a verb does is the modules': a node runs from {@code KizunaApplication}, the benchmark
 * harnesses are the modules' {@code bench} named interfaces, the scenario generators their {@code sim}
 * ones, audit log verification the audit module's {@code verify}, the broker of {@code cluster} the picture's
 * {@code cluster}. Options that several verbs take are
 * picocli mixins ({@link NodeDataOption}, {@link ScratchDataOption}, {@link DatabaseOptions},
 * {@link NationOption}, {@link SeedOption}, {@link TruthOption}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {
        "node", "label",
        "picture :: bench", "picture :: sim", "picture :: cluster",
        "booking :: bench", "booking :: sim",
        "audit :: bench", "audit :: verify",
        "intel :: bench",
        "search :: bench",
        "federation :: bench",
})
package org.kizuna.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
