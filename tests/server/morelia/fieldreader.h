// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Natter::Testing {

/// Reads request fields strictly and keeps the first failure, whose detail names the field
/// ("data.user.login: required string"). Call ok() before using what the getters returned.
class FieldReader
{
public:
    /// @p validationCode is what a missing or mistyped field answers (2020: 400, r17: 415).
    explicit FieldReader(int validationCode) : m_validationCode(validationCode) { }

    bool ok() const { return m_code == 0; }
    int code() const { return m_code; }
    QString detail() const { return m_detail; }
    /// Records a failure unless one is already recorded.
    void fail(int code, const QString &detail);
    void invalid(const QString &path, const QString &what)
    {
        fail(m_validationCode, path + QStringLiteral(": ") + what);
    }

    QJsonObject object(
        const QJsonObject &in, const QString &path, const QString &key, bool required = true);
    /// An object, or the first object of a list (2020 tolerates either shape).
    QJsonObject objectOrFirst(
        const QJsonObject &in, const QString &path, const QString &key, bool required = true);
    /// A non-empty list of objects (r17). A single object is refused.
    QJsonArray objectList(
        const QJsonObject &in, const QString &path, const QString &key, bool required = true);
    QString string(
        const QJsonObject &in, const QString &path, const QString &key, bool required = true);
    /// An integral number that fits in 53 bits.
    std::optional<qint64> integer(
        const QJsonObject &in, const QString &path, const QString &key, bool required = true);
    std::optional<double> number(
        const QJsonObject &in, const QString &path, const QString &key, bool required = true);

private:
    QJsonValue field(const QJsonObject &in, const QString &path, const QString &key, bool required,
        const QString &what);

    int m_validationCode;
    int m_code = 0;
    QString m_detail;
};

} // namespace Natter::Testing
