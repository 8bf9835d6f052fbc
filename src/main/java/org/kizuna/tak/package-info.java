/**
 * TAK clients' side of a node beyond the CoT stream: onboarding (the connection data package and the
 * enrollment QR code of the console's TAK page) and the TAK server REST API that ATAK, iTAK, WinTAK and
 * node-tak call under {@code /Marti} on the HTTPS port, with mutual TLS (certificates of the node's CA) or,
 * for certificate enrollment only, a user name with a password or a short-lived enrollment token. Data
 * packages carry labels and reach readers through {@link org.kizuna.label.ReadPath}. See docs/tak.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "node", "console", "picture"})
package org.kizuna.tak;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
