#include <gtest/gtest.h>

#include "ui/session/sessionfile.h"

namespace {

using session::SessionFile;

TEST(SessionNameTest, SaveAddsTheSessionExtensionUnlessTheNameIsJson) {
    EXPECT_EQ(SessionFile::withExtension("/home/ada/lesson"), "/home/ada/lesson.bplab.json");
    EXPECT_EQ(SessionFile::withExtension("/home/ada/lesson.v2"), "/home/ada/lesson.v2.bplab.json");
    EXPECT_EQ(SessionFile::withExtension("/home/ada/lesson.bplab.json"),
              "/home/ada/lesson.bplab.json");
    // A plain .json name the user typed is kept: such files open as sessions too.
    EXPECT_EQ(SessionFile::withExtension("/home/ada/lesson.json"), "/home/ada/lesson.json");
    EXPECT_EQ(SessionFile::withExtension("/home/ada/LESSON.JSON"), "/home/ada/LESSON.JSON");
}

TEST(SessionNameTest, TheWindowNamesASessionByItsFileWithoutTheExtension) {
    EXPECT_EQ(SessionFile::displayName("/home/ada/lesson.bplab.json"), "lesson");
    EXPECT_EQ(SessionFile::displayName("/home/ada/lesson.json"), "lesson");
    EXPECT_EQ(SessionFile::displayName("/home/ada/my.lesson.json"), "my.lesson");
    EXPECT_EQ(SessionFile::displayName("lesson.BPLAB.JSON"), "lesson");
    EXPECT_EQ(SessionFile::displayName("/tmp/notes"), "notes");
    // Nothing but the extension: the name stays whole rather than empty.
    EXPECT_EQ(SessionFile::displayName("/tmp/.json"), ".json");
}

}  // namespace
