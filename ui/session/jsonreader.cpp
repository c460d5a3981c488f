#include "jsonreader.h"

#include <cmath>

#include "core/markup.h"

namespace session {

namespace {

// How a message names the type of `value`: "a string", "null", ..
QString typeName(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("true or false");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
    }
    return QStringLiteral("nothing");
}

}  // namespace

QString at(const QString& field, qsizetype index) {
    return field + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool JsonReader::fail(const QString& field, const QString& problem) {
    if (error_.isEmpty()) error_ = field + QStringLiteral(": ") + problem;
    return false;
}

bool JsonReader::expected(const QString& field, const QString& what, const QJsonValue& got) {
    return fail(field, QStringLiteral("expected %1, got %2").arg(what, typeName(got)));
}

bool JsonReader::number(const QJsonValue& value, const QString& field, double& out) {
    if (!value.isDouble()) return expected(field, QStringLiteral("a number"), value);
    out = value.toDouble();
    if (!std::isfinite(out)) return fail(field, QStringLiteral("not a finite number"));
    return true;
}

bool JsonReader::integer(const QJsonValue& value, const QString& field, double low, double high,
                         long long& out) {
    double number = 0;
    if (!this->number(value, field, number)) return false;
    if (number != std::floor(number))
        return fail(field, QStringLiteral("expected a whole number, got %1").arg(number));
    const int digits = core::DigitsRange::max;
    if (number < low || number > high)
        return fail(field, QStringLiteral("must be from %1 to %2, got %3")
                               .arg(low, 0, 'g', digits)
                               .arg(high, 0, 'g', digits)
                               .arg(number, 0, 'g', digits));
    out = static_cast<long long>(number);
    return true;
}

bool JsonReader::boolean(const QJsonValue& value, const QString& field, bool& out) {
    if (!value.isBool()) return expected(field, QStringLiteral("true or false"), value);
    out = value.toBool();
    return true;
}

bool JsonReader::string(const QJsonValue& value, const QString& field, QString& out) {
    if (!value.isString()) return expected(field, QStringLiteral("a string"), value);
    out = value.toString();
    return true;
}

bool JsonReader::array(const QJsonValue& value, const QString& field, QJsonArray& out) {
    if (!value.isArray()) return expected(field, QStringLiteral("an array"), value);
    out = value.toArray();
    return true;
}

}  // namespace session
