package org.kizuna.picture.internal.web;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class PictureApiOnPostgresTests extends PictureApiContract {
}
