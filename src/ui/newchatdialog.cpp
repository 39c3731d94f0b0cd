// SPDX-License-Identifier: GPL-3.0-or-later
#include "newchatdialog.h"

#include "palettecolours.h"
#include "ui_newchatdialog.h"

#include <QKeyEvent>
#include <QPushButton>

namespace Natter {

namespace {

/// Ids and logins hold no spaces: "alice smith" is two names typed by mistake.
bool isUserName(const QString &text)
{
    return !text.isEmpty() && !text.contains(QLatin1Char(' '));
}

} // namespace

NewChatDialog::NewChatDialog(Mode mode, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<::Ui::NewChatDialog>()), m_mode(mode)
{
    m_ui->setupUi(this);
    PaletteColours::styleAsCaption(m_ui->userHint);
    const bool group = mode == Mode::Group;
    m_ui->pages->setCurrentWidget(group ? m_ui->groupPage : m_ui->chatPage);
    // The hidden page must not size the dialog.
    (group ? m_ui->chatPage : m_ui->groupPage)
        ->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &NewChatDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &NewChatDialog::reject);
    connect(m_ui->userEdit, &QLineEdit::textChanged, this, &NewChatDialog::updateState);
    connect(m_ui->titleEdit, &QLineEdit::textChanged, this, &NewChatDialog::updateState);
    connect(m_ui->memberEdit, &QLineEdit::textChanged, this, &NewChatDialog::updateState);
    connect(m_ui->addMemberButton, &QPushButton::clicked, this, &NewChatDialog::addMember);
    connect(m_ui->removeMemberButton, &QPushButton::clicked, this,
        &NewChatDialog::removeSelectedMembers);
    connect(
        m_ui->membersList, &QListWidget::itemSelectionChanged, this, &NewChatDialog::updateState);
    m_ui->memberEdit->installEventFilter(this);
    m_ui->membersList->installEventFilter(this);

    setFocusProxy(group ? m_ui->titleEdit : m_ui->userEdit);
    (group ? m_ui->titleEdit : m_ui->userEdit)->setFocus();
    retranslate();
    updateState();
    resize(group ? 420 : 380, group ? 460 : 160);
}

NewChatDialog::~NewChatDialog() = default;

QString NewChatDialog::userOrLogin() const
{
    return m_ui->userEdit->text().trimmed();
}

QString NewChatDialog::title() const
{
    return m_ui->titleEdit->text().trimmed();
}

QString NewChatDialog::description() const
{
    return m_ui->descriptionEdit->toPlainText().trimmed();
}

QStringList NewChatDialog::members() const
{
    QStringList ids;
    for (int row = 0; row < m_ui->membersList->count(); ++row)
        ids.append(m_ui->membersList->item(row)->text());
    return ids;
}

bool NewChatDialog::isValid() const
{
    if (m_mode == Mode::Chat)
        return isUserName(userOrLogin());
    // A name typed in the member field but not added yet is added on OK: it must be usable.
    const QString pending = m_ui->memberEdit->text().trimmed();
    return !title().isEmpty() && (pending.isEmpty() || isUserName(pending));
}

void NewChatDialog::accept()
{
    if (!isValid())
        return;
    if (m_mode == Mode::Group && !m_ui->memberEdit->text().trimmed().isEmpty())
        addMember();
    QDialog::accept();
}

bool NewChatDialog::addMember()
{
    const QString name = m_ui->memberEdit->text().trimmed();
    if (!isUserName(name))
        return false;
    if (members().contains(name, Qt::CaseInsensitive)) {
        m_ui->memberEdit->selectAll();
        return false;
    }
    m_ui->membersList->addItem(name);
    m_ui->memberEdit->clear();
    updateState();
    return true;
}

void NewChatDialog::removeSelectedMembers()
{
    qDeleteAll(m_ui->membersList->selectedItems());
    updateState();
}

void NewChatDialog::updateState()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(isValid());
    m_ui->addMemberButton->setEnabled(isUserName(m_ui->memberEdit->text().trimmed()));
    m_ui->removeMemberButton->setEnabled(!m_ui->membersList->selectedItems().isEmpty());
}

bool NewChatDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        // Enter in the member field adds the member instead of pressing OK; with the field
        // empty it falls through to OK.
        if (watched == m_ui->memberEdit && enter && !m_ui->memberEdit->text().trimmed().isEmpty()) {
            addMember();
            return true;
        }
        if (watched == m_ui->membersList
            && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            removeSelectedMembers();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void NewChatDialog::retranslate()
{
    const bool group = m_mode == Mode::Group;
    setWindowTitle(group ? tr("New group") : tr("New chat"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setText(group ? tr("Create group") : tr("Start chat"));
}

void NewChatDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        PaletteColours::styleAsCaption(m_ui->userHint);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace Natter
