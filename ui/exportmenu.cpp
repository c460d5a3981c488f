#include "exportmenu.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

#include "session/localfile.h"
#include "trainingcontroller.h"
#include "viewexport.h"

namespace ui {

ExportMenu::ExportMenu(QMenu& file, TrainingController* model, const Parts& parts)
    : QObject(&file), model_(model), parts_(parts) {
    QMenu* menu = file.addMenu(tr("E&xport"));
    menu->setObjectName("exportMenu");
    menu->setToolTipsVisible(true);
    const auto add = [&](const QString& text, const QKeySequence& key, QWidget* part,
                         const QString& name) {
        QAction* action =
            menu->addAction(text, this, [this, part, name] { exportPart(part, name); });
        action->setShortcut(key);
        action->setToolTip(tr("PNG at 1x, 2x or 3x, SVG (text stays text) or vector PDF"));
        if (parts_.window) parts_.window->addAction(action);
    };
    add(tr("&Network..."), {}, parts_.network, tr("network"));
    add(tr("Loss &plot..."), {}, parts_.plot, tr("loss plot"));
    add(tr("&Equation..."), {}, parts_.equation, tr("equation"));
    add(tr("&Whole window..."), QKeySequence(tr("Ctrl+E")), parts_.window, tr("window"));
    menu->addSeparator();
    QAction* csv = menu->addAction(tr("Loss curve as &CSV..."), this, [this] {
        exportCsv(tr("loss curve"), "-loss.csv", ViewExport::lossCsv(*model_), {});
    });
    csv->setToolTip(tr("step, learning rate and loss of every point of the loss plot"));
    QAction* run = menu->addAction(tr("Run's &parameters as CSV..."), this, [this] {
        QString error;
        const QByteArray rows = ViewExport::parametersCsv(*model_, &error);
        exportCsv(tr("run's parameters"), "-run.csv", rows, error);
    });
    run->setToolTip(
        tr("Every iteration's learning rate, loss, weights and biases: the columns "
           "of backprop-lab-cli --format csv"));
}

void ExportMenu::exportPart(QWidget* part, const QString& name) {
    if (!part) return;
    const QString png1 = tr("PNG image (*.png)"), png2 = tr("PNG image at 2x (*.png)"),
                  png3 = tr("PNG image at 3x (*.png)"), svg = tr("SVG drawing (*.svg)"),
                  pdf = tr("PDF document (*.pdf)");
    QString filter = png2;
    QString path = QFileDialog::getSaveFileName(
        parts_.window, tr("Export the %1").arg(name),
        model_->sessionName() + "-" + QString(name).replace(' ', '-') + ".png",
        QStringList{png1, png2, png3, svg, pdf}.join(";;"), &filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svg ? ".svg" : filter == pdf ? ".pdf" : ".png";
    const int scale = filter == png3 ? 3 : filter == png2 ? 2 : 1;
    QString error;
    if (!ViewExport::save(*part, path, scale, &error))
        QMessageBox::warning(parts_.window, tr("Cannot export the %1").arg(name), error);
}

void ExportMenu::exportCsv(const QString& name, const QString& suffix, const QByteArray& rows,
                           const QString& problem) {
    if (!problem.isEmpty()) {
        QMessageBox::warning(parts_.window, tr("Cannot export the %1").arg(name), problem);
        return;
    }
    QString path =
        QFileDialog::getSaveFileName(parts_.window, tr("Export the %1").arg(name),
                                     model_->sessionName() + suffix, tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += ".csv";
    QString error;
    if (!session::LocalFile::replace(QFile::encodeName(path), rows, &error))
        QMessageBox::warning(parts_.window, tr("Cannot export the %1").arg(name), error);
}

}  // namespace ui
