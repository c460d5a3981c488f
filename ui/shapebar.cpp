#include "shapebar.h"

#include <algorithm>
#include <QLabel>
#include <QToolButton>
#include <QToolTip>

namespace ui {

namespace {

using Kind = core::ShapeChange::Kind;

constexpr int kGap = 6;  // pixels between the groups

// What a tooltip calls layer `l` of `count`: "inputs", "hidden layer" (or "hidden layer 2"),
// "outputs".
QString layerName(int l, int count) {
    if (l == 0) return ShapeBar::tr("inputs");
    if (l == count - 1) return ShapeBar::tr("outputs");
    return count == 3 ? ShapeBar::tr("hidden layer") : ShapeBar::tr("hidden layer %1").arg(l);
}

// What the bar writes for the layer: its nodes' name as the network writes it, without the
// node's number ("i", "h", "h2", "o").
QString layerSymbol(const core::Topology& topology, int l) {
    QString name = QString::fromStdString(topology.nodeName(l, 0));
    if (const qsizetype cut = name.lastIndexOf('_'); cut > 0) return name.left(cut);
    while (name.size() > 1 && name.back().isDigit())
        name.chop(1);
    return name;
}

}  // namespace

ShapeBar::ShapeBar(TrainingController* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName("shapeBar");
    setAccessibleName(tr("Network shape"));
    // It never widens the window: with the most layers in a narrow one, what does not fit whole
    // at its end is left out (see lineUp).
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    connect(model_, &TrainingController::changed, this, &ShapeBar::refresh);
    rebuild();
}

void ShapeBar::refresh(TrainingController::Changes what) {
    if (what & TrainingController::Change::Session) rebuild();
}

QToolButton* ShapeBar::button(core::ShapeChange change) const {
    for (const auto& [made, button] : buttons_)
        if (made.kind == change.kind && made.layer == change.layer) return button;
    return nullptr;
}

void ShapeBar::rebuild() {
    const core::StepSnapshot& step = model_->snapshot();
    if (step.isEmpty()) return;
    const core::Topology& topology = step.topology();
    const std::vector<int> layers = topology.layerSizes();
    if (layers == layers_) return;
    layers_ = layers;
    buttons_.clear();
    // Later: the button pressed is among them, and still in its signal.
    for (const Place& place : row_) {
        place.widget->hide();
        place.widget->setObjectName({});
        place.widget->deleteLater();
    }
    row_.clear();
    const int count = int(layers.size());
    using Limits = core::ConfigLimits;
    addLabel(tr("Shape:"), QStringLiteral("shapeTitle"),
             tr("Change the network's shape: each press starts the run over from the current "
                "weights in the new shape (Ctrl+Z undoes)."));
    gap_ = kGap;
    addLabel(tr("layers: %1").arg(count), QStringLiteral("layerCount"),
             tr("%1 layers: inputs, %2 hidden, outputs").arg(count).arg(count - 2));
    addButton(QStringLiteral("\u2212"), {Kind::RemoveLayer, count - 2}, count > 2,
              tr("Remove the last hidden layer"));
    addButton(QStringLiteral("+"), {Kind::AddLayer, count - 1}, count < Limits::maxLayers,
              tr("Add a hidden layer before the outputs, as large as the layer before it"));
    for (int l = 0; l < count; ++l) {
        const QString name = layerName(l, count);
        gap_ = kGap;
        addButton(QStringLiteral("\u2212"), {Kind::RemoveNode, l}, layers[l] > 1,
                  tr("Remove the last node of the %1").arg(name));
        addLabel(tr("%1: %2").arg(layerSymbol(topology, l)).arg(layers[l]),
                 QStringLiteral("layerSize%1").arg(l),
                 tr("%n node(s) in the %1", nullptr, layers[l]).arg(name));
        addButton(QStringLiteral("+"), {Kind::AddNode, l}, layers[l] < Limits::maxLayerSize,
                  tr("Add a node to the %1").arg(name));
    }
    lineUp();
    updateGeometry();
}

QSize ShapeBar::sizeHint() const {
    int height = 0;
    for (const Place& place : row_)
        height = std::max(height, place.widget->sizeHint().height());
    return {0, height};
}

void ShapeBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    lineUp();
}

void ShapeBar::lineUp() {
    int x = kGap;
    for (const Place& place : row_) {
        x += place.gapBefore;
        const int width = place.widget->sizeHint().width();
        place.widget->setGeometry(x, 0, width, height());
        place.widget->setVisible(x + width <= this->width());
        x += width;
    }
}

void ShapeBar::add(QWidget* widget) {
    widget->setParent(this);
    row_.push_back({widget, std::exchange(gap_, 0)});
}

void ShapeBar::addLabel(const QString& text, const QString& name, const QString& tip) {
    auto* label = new QLabel(text);
    label->setObjectName(name);
    label->setToolTip(tip);
    add(label);
}

void ShapeBar::addButton(const QString& text, core::ShapeChange change, bool enabled,
                         const QString& tip) {
    auto* button = new QToolButton;
    button->setText(text);
    button->setAutoRaise(true);
    button->setEnabled(enabled);
    button->setToolTip(tip + tr(" (the run starts over; Ctrl+Z undoes)"));
    button->setAccessibleName(tip);
    button->setFocusPolicy(Qt::NoFocus);  // the keys stay with the window
    connect(button, &QToolButton::clicked, this, [this, change] { apply(change); });
    add(button);
    buttons_.emplace_back(change, button);
}

void ShapeBar::apply(core::ShapeChange change) {
    QString error;
    if (model_->editShape(change, &error)) return;
    if (QToolButton* pressed = button(change))
        QToolTip::showText(pressed->mapToGlobal(pressed->rect().bottomLeft()), error, pressed);
}

}  // namespace ui
