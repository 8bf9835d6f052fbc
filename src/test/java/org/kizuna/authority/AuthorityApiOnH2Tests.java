package org.kizuna.authority;

import org.kizuna.testing.H2Node;

@H2Node
class AuthorityApiOnH2Tests extends AuthorityApiContract {
}
