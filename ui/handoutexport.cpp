#include "handoutexport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

#include "session/localfile.h"

namespace ui {

HandoutExport::HandoutExport(TrainingController* model, QWidget* parent)
    : QObject(parent), model_(model), parent_(parent) {
    export_ = new QAction(tr("Export &handout..."), this);
    export_->setObjectName("exportHandoutAction");
    export_->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    export_->setToolTip(
        tr("Write every term of the step shown, with its formula, numbers, value "
           "and meaning, as Markdown, LaTeX or HTML"));
    connect(export_, &QAction::triggered, this, &HandoutExport::chooseAndSave);
    copyAll_ = new QAction(tr("Copy &all terms"), this);
    copyAll_->setObjectName("copyAllTermsAction");
    copyAll_->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    copyAll_->setToolTip(tr("Copy every term of the step shown as plain text"));
    connect(copyAll_, &QAction::triggered, this, &HandoutExport::copyAll);
}

QByteArray HandoutExport::text(const TrainingController& model, core::HandoutFormat format) {
    const std::shared_ptr<const core::Explanation> terms = model.explanation();
    if (!terms || terms->snapshot().isEmpty()) return {};
    const std::string title = "Backprop Lab: " + model.sessionName().toStdString() + ", " +
                              core::describeConfig(model.session().config);
    std::string text;
    core::writeHandout(*terms, format, title, core::stepLead(terms->snapshot()),
                       [&](const std::string& piece) { text += piece; });
    return QByteArray::fromStdString(text);
}

std::optional<core::HandoutFormat> HandoutExport::formatOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "md" || suffix == "markdown") return core::HandoutFormat::Markdown;
    if (suffix == "tex") return core::HandoutFormat::Latex;
    if (suffix == "html" || suffix == "htm") return core::HandoutFormat::Html;
    return std::nullopt;
}

bool HandoutExport::save(const QString& path, QString* error) const {
    const std::optional<core::HandoutFormat> format = formatOf(path);
    if (!format) {
        *error = tr("%1: a handout is written as .md, .tex or .html").arg(path);
        return false;
    }
    const QByteArray contents = text(*model_, *format);
    if (contents.isEmpty()) {
        *error = tr("no step to write out");
        return false;
    }
    return session::LocalFile::replace(QFile::encodeName(path), contents, error);
}

void HandoutExport::chooseAndSave() {
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        parent_, tr("Export handout"), model_->sessionName() + QStringLiteral("-step.md"),
        tr("Markdown (*.md);;LaTeX (*.tex);;HTML (*.html)"), &filter);
    if (path.isEmpty()) return;
    // A name without an extension takes the chosen filter's.
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.startsWith("LaTeX") ? ".tex" : filter.startsWith("HTML") ? ".html" : ".md";
    QString error;
    if (!save(path, &error)) QMessageBox::warning(parent_, tr("Cannot export the handout"), error);
}

void HandoutExport::copyAll() {
    const QByteArray plain = text(*model_, core::HandoutFormat::Text);
    if (!plain.isEmpty()) QApplication::clipboard()->setText(QString::fromUtf8(plain));
}

}  // namespace ui
