#include "lossplotnotes.h"

#include <qcustomplot.h>
#include <cmath>

#include "palette.h"
#include "ratetexts.h"

namespace ui {

namespace {

constexpr int kGapBesideRegime = 4;  // pixels between the stable rate and the regime's name

}  // namespace

LossPlotNotes::LossPlotNotes(QCustomPlot* plot, QCPItemText* regimeLabel)
    : plot_(plot), stableRate_(new QCPItemText(plot)), previewRegime_(new QCPItemText(plot)) {
    // Left of the regime's name, on its row (one row of the corner, so that the rate markers'
    // labels keep theirs), in the same font without its weight.
    stableRate_->setObjectName("stableRateLabel");
    stableRate_->position->setType(QCPItemPosition::ptAbsolute);
    stableRate_->position->setParentAnchor(regimeLabel->topLeft);
    stableRate_->position->setCoords(-kGapBesideRegime, 0);
    stableRate_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);

    previewRegime_->setObjectName("previewRegimeLabel");
    previewRegime_->position->setType(QCPItemPosition::ptPlotCoords);
    previewRegime_->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    previewRegime_->setPadding(QMargins(4, 0, 4, 2));
    previewRegime_->setClipToAxisRect(true);
    restyle(*regimeLabel);
}

void LossPlotNotes::restyle(const QCPItemText& regimeLabel) {
    QFont font = regimeLabel.font();
    font.setBold(false);
    const QColor base = plot_->palette().color(QPalette::Base);
    stableRate_->setFont(font);
    stableRate_->setPadding(regimeLabel.padding());
    stableRate_->setColor(Palette::stableRate());
    stableRate_->setPen(QPen(Palette::stableRate(), regimeLabel.pen().widthF()));
    stableRate_->setBrush(QBrush(base));
    previewRegime_->setFont(font);
    previewRegime_->setColor(Palette::lossCurve());
    previewRegime_->setBrush(QBrush(Palette::withAlpha(base, 220)));
}

void LossPlotNotes::showStableRate(const TrainingController& model) {
    stableRate_->setText(stableRateLabel(model));
}

void LossPlotNotes::showPreviewRegime(const TrainingController& model) {
    const QString text = previewRegimeLabel(model);
    const std::vector<double>& losses = model.previewLosses();
    previewRegime_->setVisible(!text.isEmpty());
    previewRegime_->setText(text);
    if (text.isEmpty()) return;
    // At the last finite point of the preview, right-aligned so that it stays over the curve.
    std::size_t last = losses.size() - 1;
    while (last > 0 && !std::isfinite(losses[last]))
        --last;
    previewRegime_->position->setCoords(double(model.iteration() + (long long)last), losses[last]);
    previewRegime_->setColor(Palette::regime(model.previewRegime()));
}

std::vector<QRectF> LossPlotNotes::occupied() const {
    std::vector<QRectF> rects;
    for (const QCPItemText* note : {stableRate_, previewRegime_})
        if (note->visible() && !note->text().isEmpty())
            rects.emplace_back(note->topLeft->pixelPosition(), note->bottomRight->pixelPosition());
    return rects;
}

}  // namespace ui
