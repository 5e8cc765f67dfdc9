package io.xinference.hub.platform;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

import java.sql.Types;

/**
 * Stores Axon's {@code @Lob byte[]} columns (payload, metadata, tokens) as {@code bytea} instead of PostgreSQL
 * large objects ({@code oid}), which are unreadable in SQL and leak. Must be in place before the first schema
 * exists: switching later fails with a misleading "Cannot reuse aggregate identifier".
 */
public class ByteaPostgreSQLDialect extends PostgreSQLDialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
