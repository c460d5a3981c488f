#include "ui/session/jsonwriter.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace {

TEST(JsonWriterTest, WritesValidJsonWithExactNumbers) {
    session::JsonWriter json;
    json.beginObject()
        .field("name", "a \"b\"\n\\c")
        .field("third", 1.0 / 3.0)
        .field("count", 42)
        .field("flag", false)
        .key("list")
        .numbers({0.1, -2e-300, 5})
        .key("empty")
        .beginObject()
        .endObject()
        .key("bad")
        .value(std::nan(""))
        .endObject();
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(json.text()), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << json.text();
    const QJsonObject object = document.object();
    EXPECT_EQ(object["name"].toString(), "a \"b\"\n\\c");
    EXPECT_EQ(object["third"].toDouble(), 1.0 / 3.0);
    EXPECT_EQ(object["count"].toInt(), 42);
    EXPECT_EQ(object["list"].toArray()[1].toDouble(), -2e-300);
    EXPECT_TRUE(object["bad"].isNull());
    EXPECT_NE(json.text().find("0.33333333333333331"), std::string::npos);
}

}  // namespace
