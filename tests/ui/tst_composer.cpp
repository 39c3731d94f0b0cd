// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/attachmentbar.h"
#include "ui/composer.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Natter;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, qint64 size)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QByteArray(size, 'a'));
    return path;
}

struct Shown
{
    Composer composer;
    Shown()
    {
        composer.resize(500, 120);
        composer.show();
        composer.focusInput();
    }
    QWidget *input() { return composer.input(); }
};

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enterSendsAndClears()
    {
        Shown s;
        QSignalSpy sent(&s.composer, &Composer::sendRequested);
        QTest::keyClick(s.input(), Qt::Key_Return);
        QCOMPARE(sent.size(), 0); // nothing to send
        QTest::keyClicks(s.input(), QStringLiteral("hello there"));
        QTest::keyClick(s.input(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("hello there"));
        QVERIFY(sent.at(0).at(1).value<QList<Attachment>>().isEmpty());
        QVERIFY(sent.at(0).at(2).toString().isEmpty());
        QCOMPARE(s.composer.text(), QString());
    }

    void shiftEnterBreaksTheLine()
    {
        Shown s;
        QSignalSpy sent(&s.composer, &Composer::sendRequested);
        const int oneLine = s.composer.input()->height();
        QTest::keyClicks(s.input(), QStringLiteral("first"));
        QTest::keyClick(s.input(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(s.input(), QStringLiteral("second"));
        QCOMPARE(sent.size(), 0);
        QCOMPARE(s.composer.text(), QStringLiteral("first\nsecond"));
        QVERIFY(s.composer.input()->height() > oneLine);
        // Grows to six lines, then scrolls.
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(s.input(), Qt::Key_Return, Qt::ShiftModifier);
        const int capped = s.composer.input()->height();
        QTest::keyClick(s.input(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(s.composer.input()->height(), capped);
        QVERIFY(capped < oneLine * 7);
    }

    void attachmentsGoOutWithTheCaption()
    {
        QTemporaryDir dir;
        Shown s;
        QSignalSpy sent(&s.composer, &Composer::sendRequested);
        auto *send = s.composer.findChild<QToolButton *>(QStringLiteral("sendButton"));
        QVERIFY(send && !send->isEnabled());
        QVERIFY(s.composer.addAttachmentFiles({ writeFile(dir, QStringLiteral("notes.txt"), 300),
            writeFile(dir, QStringLiteral("data.bin"), 20) }));
        QCOMPARE(s.composer.attachmentBar()->count(), 2);
        QVERIFY(s.composer.attachmentBar()->isVisible());
        QVERIFY(send->isEnabled());

        // The remove button of the second chip drops it.
        QTRY_COMPARE(s.composer.attachmentBar()
                         ->findChildren<QToolButton *>(QStringLiteral("removeAttachmentButton"))
                         .size(),
            2);
        const auto removes = s.composer.attachmentBar()->findChildren<QToolButton *>(
            QStringLiteral("removeAttachmentButton"));
        QToolButton *removeSecond = nullptr;
        for (QToolButton *button : removes) {
            if (button->toolTip().contains(QStringLiteral("data.bin")))
                removeSecond = button;
        }
        QVERIFY(removeSecond);
        removeSecond->click();
        QCOMPARE(s.composer.attachments().size(), 1);
        QCOMPARE(s.composer.attachments().first().name, QStringLiteral("notes.txt"));

        QTest::keyClicks(s.input(), QStringLiteral("see attached"));
        QTest::keyClick(s.input(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        const auto files = sent.at(0).at(1).value<QList<Attachment>>();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first().name, QStringLiteral("notes.txt"));
        QCOMPARE(files.first().size, 300);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("see attached"));
        QCOMPARE(s.composer.attachmentBar()->count(), 0);
        QVERIFY(!send->isEnabled());
    }

    void refusesLargeAndUnreadableFiles()
    {
        QTemporaryDir dir;
        Shown s;
        QCOMPARE(s.composer.maxAttachmentBytes(), qint64(50) * 1024 * 1024);
        s.composer.setMaxAttachmentBytes(2048);
        QVERIFY(
            !s.composer.addAttachmentFiles({ writeFile(dir, QStringLiteral("big.iso"), 4096) }));
        QCOMPARE(s.composer.attachmentBar()->count(), 0);
        QVERIFY2(s.composer.errorText().contains(QStringLiteral("big.iso")),
            qPrintable(s.composer.errorText()));
        QVERIFY(s.composer.errorText().contains(QStringLiteral("2 KB")));

        QVERIFY(!s.composer.addAttachmentFiles({ dir.filePath(QStringLiteral("gone.txt")) }));
        QVERIFY(s.composer.errorText().contains(QStringLiteral("gone.txt")));
        QVERIFY(s.composer.addAttachmentFiles({ writeFile(dir, QStringLiteral("ok.txt"), 10) }));
        QVERIFY(s.composer.errorText().isEmpty());
        QCOMPARE(s.composer.attachmentBar()->count(), 1);
    }

    void pastedPictureBecomesAnAttachment()
    {
        Shown s;
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::red);
        auto *data = new QMimeData;
        data->setImageData(image);
        QGuiApplication::clipboard()->setMimeData(data);
        s.composer.input()->paste();
        QCOMPARE(s.composer.attachments().size(), 1);
        const Attachment a = s.composer.attachments().first();
        QCOMPARE(a.name, QStringLiteral("pasted-image.png"));
        QCOMPARE(a.mime, QStringLiteral("image/png"));
        QCOMPARE(a.kind, Attachment::Kind::Picture);
        QVERIFY(s.composer.text().isEmpty());
    }

    void replyAndEditModes()
    {
        Shown s;
        QSignalSpy sent(&s.composer, &Composer::sendRequested);
        QSignalSpy edited(&s.composer, &Composer::editRequested);
        QSignalSpy last(&s.composer, &Composer::editLastRequested);

        s.composer.startReply(
            QStringLiteral("s1"), QStringLiteral("Alice"), QStringLiteral("first line\nsecond"));
        QCOMPARE(s.composer.mode(), Composer::Mode::Reply);
        auto *label = s.composer.findChild<QLabel *>(QStringLiteral("modeLabel"));
        QCOMPARE(label->text(), QStringLiteral("Replying to Alice: first line"));
        QTest::keyClicks(s.input(), QStringLiteral("agreed"));
        QTest::keyClick(s.input(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(2).toString(), QStringLiteral("s1"));
        QCOMPARE(s.composer.mode(), Composer::Mode::Normal);

        // Up in an empty composer asks for the last own message.
        QTest::keyClick(s.input(), Qt::Key_Up);
        QCOMPARE(last.size(), 1);
        QTest::keyClicks(s.input(), QStringLiteral("draft"));
        QTest::keyClick(s.input(), Qt::Key_Up);
        QCOMPARE(last.size(), 1);

        s.composer.startEdit(QStringLiteral("m9"), QStringLiteral("old text"));
        QCOMPARE(s.composer.text(), QStringLiteral("old text"));
        QCOMPARE(label->text(), QStringLiteral("Editing message"));
        QTest::keyClick(s.input(), Qt::Key_Escape);
        QCOMPARE(s.composer.mode(), Composer::Mode::Normal);
        QCOMPARE(s.composer.text(), QStringLiteral("draft")); // the draft comes back

        s.composer.startEdit(QStringLiteral("m9"), QStringLiteral("old text"));
        QTest::keyClicks(s.input(), QStringLiteral(" fixed"));
        QTest::keyClick(s.input(), Qt::Key_Return);
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited.at(0).at(0).toString(), QStringLiteral("m9"));
        QCOMPARE(edited.at(0).at(1).toString(), QStringLiteral("old text fixed"));
        QCOMPARE(sent.size(), 1);
    }

    void draftIsDebounced()
    {
        Shown s;
        QSignalSpy drafts(&s.composer, &Composer::draftChanged);
        s.composer.setDraft(QStringLiteral("restored"));
        QCOMPARE(s.composer.text(), QStringLiteral("restored"));
        QTest::qWait(Composer::DraftDelayMs + 100);
        QCOMPARE(drafts.size(), 0); // setDraft is not a change by the user

        QTest::keyClicks(s.input(), QStringLiteral(" and more"));
        QCOMPARE(drafts.size(), 0);
        QVERIFY(drafts.wait(2000));
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.at(0).at(0).toString(), QStringLiteral("restored and more"));

        QTest::keyClicks(s.input(), QStringLiteral("!"));
        s.composer.flushDraft();
        QCOMPARE(drafts.size(), 2);
        QCOMPARE(drafts.at(1).at(0).toString(), QStringLiteral("restored and more!"));
        QTest::qWait(Composer::DraftDelayMs + 100);
        QCOMPARE(drafts.size(), 2);
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
