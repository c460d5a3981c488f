#pragma once

#include <QTextDocument>
#include <QWidget>

namespace ui {

// Rich text wrapped to the widget's width, painted once per change. (A word-wrapped rich-text
// QLabel lays its text out again inside its own paint and so paints twice for every new text.)
class RichTextLabel : public QWidget {
    Q_OBJECT

public:
    explicit RichTextLabel(QWidget* parent = nullptr);

    // Shows `html` (Qt's rich text).
    void setHtml(const QString& html);
    // The text shown, as given.
    const QString& html() const { return html_; }
    // Styles the text shown (parsed again) and every later text with `css`, Qt's rich-text CSS,
    // e.g. ".f0 { color: #0072b2; }" for the spans of class f0.
    void setDefaultStyleSheet(const QString& css);
    // The style sheet set, empty by default.
    QString defaultStyleSheet() const { return document_.defaultStyleSheet(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QString html_;
    mutable QTextDocument document_;  // its width follows the widget's, but for measuring
};

}  // namespace ui
