package org.kizuna.picture.web;

import org.kizuna.testing.H2Node;

@H2Node
class PictureApiOnH2Tests extends PictureApiContract {
}
