#include "appinfo.h"

#include <QGuiApplication>
#include <QSysInfo>
#include <QTextStream>
#include <qcustomplot.h>

#include "trainingcontroller.h"
#include "ui/session/sessionfile.h"

namespace ui {

namespace {

QString granularityName(core::Granularity granularity) {
    switch (granularity) {
        case core::Granularity::Iteration:
            return QStringLiteral("iteration");
        case core::Granularity::Phase:
            return QStringLiteral("phase");
        case core::Granularity::Term:
            return QStringLiteral("term");
    }
    return {};
}

}  // namespace

QString programVersion() {
    return QStringLiteral(BACKPROP_VERSION);
}

QString aboutText() {
    return QCoreApplication::translate(
               "About",
               "<h3>Backprop Lab %1</h3>"
               "<p>Learn backpropagation by stepping through it: every chain-rule term of every "
               "node, computed on the network.</p>"
               "<p>The lab starts from Matt Mazur's worked example, <i>A Step by Step "
               "Backpropagation Example</i> (2015): the 2-2-2 network with sigmoid units and "
               "squared error, whose published numbers the tests check.</p>"
               "<p>Released under the MIT licence (Expat).</p>"
               "<p>Built with Qt %2 (running on Qt %3) and QCustomPlot %4.</p>")
        .arg(programVersion(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
             QStringLiteral(QCUSTOMPLOT_VERSION_STR));
}

QString problemReport(const TrainingController& model) {
    QString report;
    QTextStream out(&report);
    out << "## Backprop Lab " << programVersion() << "\n\n"
        << "- System: " << QSysInfo::prettyProductName() << ", kernel "
        << QSysInfo::kernelVersion() << ", " << QSysInfo::currentCpuArchitecture() << "\n"
        << "- Qt: built with " << QT_VERSION_STR << ", running on " << qVersion()
        << ", platform " << QGuiApplication::platformName() << "\n"
        << "- QCustomPlot: " << QCUSTOMPLOT_VERSION_STR << "\n"
        << "- Session: " << model.sessionName() << ", iteration " << model.iteration()
        << " (" << model.position().revealed << " terms revealed, step size "
        << granularityName(model.granularity()) << "), learning rate "
        << QString::number(model.learningRate(), 'g', 17) << "\n\n"
        << "### What happened\n\n(Please describe what you did, what you expected and what you "
           "saw.)\n\n"
        << "### The session at this iteration\n\nSave it as `report.bplab.json` and open it "
           "with Backprop Lab.\n\n"
        << "```json\n"
        << QString::fromUtf8(session::SessionFile::toJson(model.trainedSession())) << "```\n";
    return report;
}

}  // namespace ui
