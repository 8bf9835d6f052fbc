package org.kizuna.picture.internal.history;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

class TrackJournalOnH2Tests extends TrackJournalContract {

    @Override
    DataSource database() {
        return new DriverManagerDataSource("jdbc:h2:mem:journal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }
}
