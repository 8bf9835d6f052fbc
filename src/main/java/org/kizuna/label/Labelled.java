package org.kizuna.label;

/** Anything that carries a confidentiality label; every stored item does. */
public interface Labelled {

    Label label();
}
