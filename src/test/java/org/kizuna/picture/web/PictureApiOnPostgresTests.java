package org.kizuna.picture.web;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class PictureApiOnPostgresTests extends PictureApiContract {
}
