#include "windowtour.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRubberBand>
#include <QVBoxLayout>

namespace ui {

WindowTour::WindowTour(QWidget* window) : QDialog(window), window_(window) {
    setObjectName("windowTour");
    setWindowTitle(tr("Tour of the window"));
    stops_ = {
        {"networkView", tr("The network"),
         tr("Every node shows its net input, its output and, once computed, dE/dout, dout/dnet "
            "and delta. Every edge carries its weight and dE/dw; thicker means larger, the "
            "colour and line say the sign. Double-click a number to type a new one, or drag "
            "along it.")},
        {"shapeBar", tr("The shape"),
         tr("Add or remove nodes and hidden layers; every edit can "
            "be undone (Ctrl+Z).")},
        {"sampleTable", tr("The samples"),
         tr("The training samples: inputs and targets to edit, and the outputs and loss the "
            "network gives for each.")},
        {"formulaPanel", tr("The equation"),
         tr("The term being computed: first in symbols, then with this step's numbers, each "
            "factor in the colour of its place on the network, and one sentence on what it "
            "means.")},
        {"lossPlot", tr("The loss plot"),
         tr("E_total at every iteration. Its corner names the regime: converging, oscillating "
            "or diverging. Pin a run to compare it with the next.")},
        {"decisionMap", tr("The decision map"),
         tr("What one output answers over the whole input plane, with the samples as dots.")},
        {"learningRateSlider", tr("The learning rate"),
         tr("Drag it, even while training runs: a dashed curve previews where the new rate "
            "leads. Momentum beside it keeps a velocity for every weight.")},
        {"granularityChooser", tr("Stepping"),
         tr("Step (Right arrow) does a whole iteration, one phase, or one term of the chain "
            "rule; Back (Left arrow) goes back. View > Quiz asks you each term first.")},
        {"timeline", tr("The timeline"),
         tr("Every iteration the run reached: drag to go back to any of them, exactly.")},
    };
    band_ = new QRubberBand(QRubberBand::Rectangle, window_);
    title_ = new QLabel;
    title_->setObjectName("tourTitle");
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title_->setFont(bold);
    text_ = new QLabel;
    text_->setObjectName("tourText");
    text_->setWordWrap(true);
    text_->setMinimumWidth(fontMetrics().averageCharWidth() * 50);
    back_ = new QPushButton(tr("Back"));
    next_ = new QPushButton(tr("Next"));
    next_->setDefault(true);
    auto* close = new QPushButton(tr("Close"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back_);
    buttons->addWidget(next_);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(text_, 1);
    layout->addLayout(buttons);
    connect(back_, &QPushButton::clicked, this, [this] { showStop(current_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] {
        if (current_ + 1 < stops_.size())
            showStop(current_ + 1);
        else
            accept();
    });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(this, &QDialog::finished, band_, &QWidget::hide);
    showStop(0);
}

void WindowTour::showStop(int index) {
    current_ = std::clamp(index, 0, int(stops_.size()) - 1);
    const Stop& stop = stops_[current_];
    title_->setText(tr("%1 (%2 of %3)").arg(stop.title).arg(current_ + 1).arg(stops_.size()));
    text_->setText(stop.text);
    back_->setEnabled(current_ > 0);
    next_->setText(current_ + 1 < stops_.size() ? tr("Next") : tr("Done"));
    const QWidget* area = window_->findChild<QWidget*>(stop.objectName);
    if (area && area->isVisible()) {
        band_->setGeometry(
            QRect(area->mapTo(window_, QPoint()), area->size()).adjusted(-3, -3, 3, 3));
        band_->show();
        band_->raise();
    } else {
        band_->hide();
    }
}

QRect WindowTour::ring() const {
    return band_->isVisible() ? band_->geometry() : QRect();
}

}  // namespace ui
