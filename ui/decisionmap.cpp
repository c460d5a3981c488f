#include "decisionmap.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "palette.h"

namespace ui {

namespace {

using Change = TrainingController::Change;

constexpr double kDotShare = 0.3;        // a sample's dot's radius, of the font's height
constexpr double kSmallDotShare = 0.18;  // the same when there are many samples
constexpr int kManySamples = 64;
constexpr qreal kDotOutline = 1.5;
constexpr int kDotShades = 64;  // shades of the scale a dot's fill takes

// A sample's dot: a disc of `radius` pixels in `fill`, outlined dark, for a device of `ratio`
// device pixels a pixel.
QImage dotStamp(QRgb fill, qreal radius, qreal ratio) {
    const int side = int(std::ceil(2 * (radius + kDotOutline) * ratio)) + 2;
    QImage stamp(side, side, QImage::Format_ARGB32_Premultiplied);
    stamp.fill(Qt::transparent);
    QPainter painter(&stamp);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Palette::ink(), kDotOutline * ratio));
    painter.setBrush(QColor(fill));
    painter.drawEllipse(QPointF(side, side) / 2, radius * ratio, radius * ratio);
    painter.end();
    stamp.setDevicePixelRatio(ratio);
    return stamp;
}

QString nodeName(const core::Topology& topology, int layer, int node) {
    return QString::fromStdString(topology.nodeName(layer, node));
}

}  // namespace

DecisionMap::DecisionMap(TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model), header_(new QWidget(this)), outputChoice_(new QComboBox) {
    setObjectName("decisionMap");
    setAccessibleName(tr("Decision map"));
    setAutoFillBackground(true);
    outputChoice_->setObjectName("decisionMapOutput");
    outputChoice_->setAccessibleName(tr("Output shown on the decision map"));
    outputChoice_->setToolTip(tr("Which output the decision map shows"));
    auto* label = new QLabel(tr("Output"));
    label->setBuddy(outputChoice_);
    auto* row = new QHBoxLayout(header_);
    row->setContentsMargins(4, 2, 4, 0);
    row->addWidget(label);
    row->addWidget(outputChoice_);
    row->addStretch(1);
    connect(outputChoice_, &QComboBox::currentIndexChanged, this, [this] {
        picture_.reset();
        describe();
        update();
    });
    connect(model_, &TrainingController::changed, this, &DecisionMap::refresh);
    refresh(Change::Session);
}

int DecisionMap::shownOutput() const {
    return std::max(outputChoice_->currentIndex(), 0);
}

void DecisionMap::setShownOutput(int output) {
    outputChoice_->setCurrentIndex(output);
}

void DecisionMap::refresh(TrainingController::Changes what) {
    if (what & Change::Session) fillOutputChoice();
    if (!(what & (Change::Session | Change::Step))) return;
    picture_.reset();
    update();
}

// One entry per output (o1, o2, ..), keeping the choice where the network still has it; shown
// only where there is a choice to make.
void DecisionMap::fillOutputChoice() {
    const int chosen = shownOutput();
    const QSignalBlocker quiet(outputChoice_);
    outputChoice_->clear();
    if (!model_->snapshot().isEmpty()) {
        const core::Topology& topology = model_->snapshot().topology();
        for (int o = 0; o < topology.outputCount(); ++o)
            outputChoice_->addItem(nodeName(topology, topology.layerCount() - 1, o));
    }
    outputChoice_->setCurrentIndex(chosen < outputChoice_->count() ? chosen : 0);
    header_->setHidden(!showsMap() || outputChoice_->count() < 2);
    header_->setGeometry(0, 0, width(), header_->sizeHint().height());
    describe();
}

void DecisionMap::describe() {
    if (!showsMap()) {
        setToolTip(message());
        return;
    }
    setToolTip(tr("What the network answers at every point of the input plane: %1's output as "
                  "colour; the dots are the samples, filled with their targets.")
                   .arg(outputChoice_->currentText()));
}

bool DecisionMap::showsMap() const {
    return !model_->snapshot().isEmpty() && model_->snapshot().topology().inputCount() == 2;
}

QString DecisionMap::message() const {
    if (model_->snapshot().isEmpty() || showsMap()) return {};
    return tr("The decision map needs a network with two inputs; this one has %1.")
        .arg(model_->snapshot().topology().inputCount());
}

InputArea DecisionMap::area() const {
    return InputArea::around(model_->snapshot().samples());
}

DecisionMapFrame DecisionMap::frame() const {
    const int em = fontMetrics().height();
    QRect content = rect().adjusted(em / 2, em / 2, -em / 2, -em / 2);
    if (!header_->isHidden()) content.setTop(header_->sizeHint().height() + em / 4);
    const core::Topology& topology = model_->snapshot().topology();
    return DecisionMapFrame(content, fontMetrics(), area(),
                            {nodeName(topology, 0, 0), nodeName(topology, 0, 1),
                             outputChoice_->currentText(), tr("nan, inf")});
}

const DecisionMap::Picture& DecisionMap::picture() const {
    const core::StepSnapshot& step = model_->snapshot();
    const QSize cells = DecisionGrid::cellsFor(step.topology(), frame().map().size());
    if (picture_ && picture_->grid.columns() == cells.width() &&
        picture_->grid.rows() == cells.height())
        return *picture_;
    // The network at the step shown: the parameters before its update.
    const int output = shownOutput();
    DecisionGrid grid(step.topology(), step.parametersBefore(), output, area(), cells);
    double lowest = grid.lowest(), highest = grid.highest();
    for (const core::Sample& sample : step.samples()) {
        lowest = std::fmin(lowest, sample.target[output]);
        highest = std::fmax(highest, sample.target[output]);
    }
    const core::Topology& topology = step.topology();
    const DecisionScale scale =
        DecisionScale::forOutput(topology.activation(topology.layerCount() - 1), lowest, highest);
    QImage image(cells, QImage::Format_RGB32);
    for (int row = 0; row < cells.height(); ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
        for (int column = 0; column < cells.width(); ++column)
            line[column] = scale.colour(grid.value(column, row));
    }
    picture_.emplace(Picture{std::move(grid), scale, std::move(image)});
    return *picture_;
}

double DecisionMap::valueAt(QPointF inputs) const {
    if (!showsMap()) return std::numeric_limits<double>::quiet_NaN();
    const DecisionGrid& grid = picture().grid;
    const QPoint cell = grid.cellAt(inputs);
    return grid.value(cell.x(), cell.y());
}

QPointF DecisionMap::evaluatedAt(QPointF inputs) const {
    if (!showsMap()) return inputs;
    const DecisionGrid& grid = picture().grid;
    const QPoint cell = grid.cellAt(inputs);
    return grid.centre(cell.x(), cell.y());
}

QPointF DecisionMap::pixelAt(QPointF inputs) const {
    return frame().toPixel(inputs);
}

QSize DecisionMap::cells() const {
    if (!showsMap()) return {};
    return {picture().grid.columns(), picture().grid.rows()};
}

QSize DecisionMap::sizeHint() const {
    const int em = fontMetrics().height();
    return {24 * em, 18 * em};
}

QSize DecisionMap::minimumSizeHint() const {
    const int em = fontMetrics().height();
    return {14 * em, 8 * em};  // low enough for a window of 800x600
}

void DecisionMap::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    header_->setGeometry(0, 0, width(), header_->sizeHint().height());
}

void DecisionMap::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) update();
}

void DecisionMap::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    if (!message().isEmpty()) {
        const int em = fontMetrics().height();
        painter.drawText(rect().adjusted(em, em, -em, -em), Qt::AlignCenter | Qt::TextWordWrap,
                         message());
        return;
    }
    if (!showsMap()) return;
    const DecisionMapFrame parts = frame();
    if (parts.map().width() < 2 || parts.map().height() < 2) return;
    const Picture& shown = picture();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRectF(parts.map()), shown.image);
    parts.paint(painter, shown.scale, !shown.grid.allFinite());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);  // stamps land on whole pixels
    paintSamples(painter, parts, shown.scale);
}

// Every sample at its inputs, filled with its target's colour, outlined dark. Each colour's dot
// is drawn once and then stamped: a thousand circles drawn one by one would take milliseconds.
void DecisionMap::paintSamples(QPainter& painter, const DecisionMapFrame& frame,
                               const DecisionScale& scale) const {
    const std::vector<core::Sample>& samples = model_->snapshot().samples();
    const qreal radius =
        fontMetrics().height() * (samples.size() > kManySamples ? kSmallDotShare : kDotShare);
    const int output = shownOutput();
    // Targets to one of kDotShades shades, so that dots share stamps; no eye tells them apart.
    const double shade = (scale.high() - scale.low()) / kDotShades;
    std::map<QRgb, QImage> stamps;
    for (const core::Sample& sample : samples) {
        const double target = sample.target[output];
        const QRgb fill =
            scale.colour(scale.low() + std::round((target - scale.low()) / shade) * shade);
        QImage& stamp = stamps[fill];
        if (stamp.isNull()) stamp = dotStamp(fill, radius, devicePixelRatioF());
        const QPointF corner =
            frame.toPixel({sample.input[0], sample.input[1]}) -
            QPointF(stamp.deviceIndependentSize().width(), stamp.deviceIndependentSize().height()) /
                2;
        painter.drawImage(corner, stamp);
    }
}

}  // namespace ui
