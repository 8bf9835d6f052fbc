package org.kizuna.picture.internal.web;

import org.kizuna.testing.H2Node;

@H2Node
class PictureApiOnH2Tests extends PictureApiContract {
}
