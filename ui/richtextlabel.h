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
