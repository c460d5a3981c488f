#pragma once

#include <QString>

namespace ui {

class TrainingController;

// What the Help menu says about the program: the About box, and the report that Help > Report a
// problem copies to the clipboard.

// The program's version, as the build set it (CMake's project version).
QString programVersion();

// The About box as rich text: the version, the licence, the worked example the lab follows and
// the libraries it uses with their versions.
QString aboutText();

// A problem report in Markdown, ready to paste into a bug tracker: the program's version, the
// system (OS, processor, Qt at build and at run time, QCustomPlot, the display platform), where
// the run is, and the session at the current iteration as a session file, so that whoever reads
// it can open the exact state.
QString problemReport(const TrainingController& model);

}  // namespace ui
