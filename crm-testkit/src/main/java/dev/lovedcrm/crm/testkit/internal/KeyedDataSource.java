package dev.lovedcrm.crm.testkit.internal;

import dev.lovedcrm.crm.jdbi.CrmContextKey;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that carries the context key of its database: {@code unwrap(CrmContextKey.class)} gives it, so
 * {@code JdbiCrmStore.create(dataSource)} and {@code CrmDatabase.migrate(dataSource, ...)} find it without being told.
 * Everything else goes to the wrapped data source.
 */
public final class KeyedDataSource implements DataSource {

    private final DataSource delegate;
    private final CrmContextKey key;

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the data source
     * @param key the key of its database
     */
    public KeyedDataSource(DataSource delegate, CrmContextKey key) {
        this.delegate = delegate;
        this.key = key;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type == CrmContextKey.class) {
            return type.cast(key);
        }
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type == CrmContextKey.class || type.isInstance(this) || delegate.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
