#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <vector>

namespace session {

// The field of element `index` of `field`: "weights[1]".
QString at(const QString& field, qsizetype index);

// Reads typed values out of a parsed JSON document, each named by its field ("weights[1][0]")
// for the message when it is not what is expected; the first failure is kept as the error.
class JsonReader {
public:
    // Reads one element of an array into `out`; `field` names the element.
    template <class T>
    using Element = bool (*)(JsonReader& reader, const QJsonValue& value, const QString& field,
                             T& out);

    // The first failure: "field: what is wrong", or empty.
    const QString& error() const { return error_; }

    // Keeps "field: problem" as the error unless one is kept already; returns false.
    bool fail(const QString& field, const QString& problem);
    // Fails with "expected `what`, got" the type of `got`.
    bool expected(const QString& field, const QString& what, const QJsonValue& got);
    // A finite number.
    bool number(const QJsonValue& value, const QString& field, double& out);
    // A whole number from `low` to `high`.
    bool integer(const QJsonValue& value, const QString& field, double low, double high,
                 long long& out);
    bool boolean(const QJsonValue& value, const QString& field, bool& out);
    bool string(const QJsonValue& value, const QString& field, QString& out);
    bool array(const QJsonValue& value, const QString& field, QJsonArray& out);
    // An array whose elements `element` reads into a vector.
    template <class T>
    bool list(const QJsonValue& value, const QString& field, std::vector<T>& out,
              Element<T> element) {
        QJsonArray items;
        if (!array(value, field, items)) return false;
        out.resize(items.size());
        for (qsizetype i = 0; i < items.size(); ++i)
            if (!element(*this, items[i], at(field, i), out[i])) return false;
        return true;
    }

private:
    QString error_;
};

}  // namespace session
