#include "richtextlabel.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QPainter>
#include <cmath>

namespace ui {

RichTextLabel::RichTextLabel(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    document_.setDocumentMargin(0);
    document_.setDefaultFont(font());
}

void RichTextLabel::setHtml(const QString& html) {
    if (html == html_) return;
    html_ = html;
    document_.setHtml(html);
    document_.setTextWidth(width());
    updateGeometry();
    update();
}

void RichTextLabel::setDefaultStyleSheet(const QString& css) {
    if (css == document_.defaultStyleSheet()) return;
    document_.setDefaultStyleSheet(css);
    if (html_.isEmpty()) return;
    // The style sheet applies when the text is parsed: parse the text shown again.
    document_.setHtml(html_);
    document_.setTextWidth(width());
    updateGeometry();
    update();
}

int RichTextLabel::heightForWidth(int width) const {
    document_.setTextWidth(width);
    const int height = int(std::ceil(document_.size().height()));
    document_.setTextWidth(this->width());
    return height;
}

QSize RichTextLabel::sizeHint() const {
    document_.setTextWidth(-1);  // unwrapped: the width the text would like
    const QSize natural = document_.size().toSize();
    document_.setTextWidth(width());
    return natural;
}

QSize RichTextLabel::minimumSizeHint() const {
    return {fontMetrics().averageCharWidth() * 10, fontMetrics().height()};
}

void RichTextLabel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        document_.setDefaultFont(font());
        updateGeometry();
    }
}

void RichTextLabel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    document_.setTextWidth(width());
}

void RichTextLabel::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette();
    context.palette.setColor(QPalette::Text, palette().color(foregroundRole()));
    document_.documentLayout()->draw(&painter, context);
}

}  // namespace ui
