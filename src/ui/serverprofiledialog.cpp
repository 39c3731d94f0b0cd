// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprofiledialog.h"

#include "authstyle.h"
#include "certificatedialog.h"
#include "inputvalidation.h"
#include "protocol/clientfactory.h"
#include "ui_serverprofiledialog.h"

#include <QPushButton>
#include <QShortcut>
#include <QUuid>

namespace Natter {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

ServerProfileDialog::ServerProfileDialog(const QList<ServerProfile> &profiles, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ServerProfileDialog>()), m_profiles(profiles)
{
    m_ui->setupUi(this);
    AuthStyle::styleAsError(m_ui->urlMessage, palette());
    AuthStyle::styleAsCaption(m_ui->certHashHint, palette());
    if (m_profiles.isEmpty())
        m_profiles << ServerProfile::localDemo();
    for (ServerProfile &p : m_profiles) {
        if (p.id.isEmpty())
            p.id = newId();
    }
    fillProtocolCombo();

    for (int row = 0; row < m_profiles.size(); ++row) {
        m_ui->profileList->addItem(QString());
        updateListItem(row);
    }

    connect(m_ui->profileList, &QListWidget::currentRowChanged, this,
        &ServerProfileDialog::showProfile);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ServerProfileDialog::addProfile);
    connect(
        m_ui->duplicateButton, &QPushButton::clicked, this, &ServerProfileDialog::duplicateProfile);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ServerProfileDialog::removeProfile);
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, &ServerProfileDialog::storeField);
    connect(m_ui->urlEdit, &QLineEdit::textEdited, this, &ServerProfileDialog::storeField);
    connect(m_ui->certHashEdit, &QLineEdit::textEdited, this, &ServerProfileDialog::storeField);
    connect(m_ui->protocolCombo, &QComboBox::currentIndexChanged, this,
        &ServerProfileDialog::storeField);
    connect(m_ui->forgetButton, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0)
            return;
        m_profiles[row].pinnedCertificate.clear();
        showProfile(row);
    });
    auto *removeShortcut = new QShortcut(QKeySequence::Delete, m_ui->profileList);
    removeShortcut->setContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QShortcut::activated, this, &ServerProfileDialog::removeProfile);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ServerProfileDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_ui->profileList->setCurrentRow(0);
}

ServerProfileDialog::~ServerProfileDialog() = default;

QList<std::pair<QString, QString>> ServerProfileDialog::protocolChoices()
{
    const QList<std::pair<QString, QString>> all = {
        { QStringLiteral("auto"), tr("Auto") },
        { QStringLiteral("morelia"), tr("MoreliaTalk (auto dialect)") },
        { QStringLiteral("morelia-2020"), tr("MoreliaTalk July 2020") },
        { QStringLiteral("morelia-r17"), tr("MoreliaTalk revision 17") },
        { QStringLiteral("wsmode"), tr("mode WS-server") },
        { QStringLiteral("distet"), tr("DisTet HTTP") },
    };
    const QStringList known = protocolNames();
    QList<std::pair<QString, QString>> out;
    for (const auto &choice : all) {
        if (known.isEmpty() || known.contains(choice.first))
            out << choice;
    }
    return out;
}

bool ServerProfileDialog::usesClientCertHash(const QString &protocol, const QString &url)
{
    return protocol == QLatin1String("distet")
        || (protocol == QLatin1String("auto") && InputValidation::isHttpUrl(url));
}

QString ServerProfileDialog::currentId() const
{
    const int row = currentRow();
    return row >= 0 ? m_profiles.at(row).id : QString();
}

void ServerProfileDialog::selectProfile(const QString &id)
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id)
            m_ui->profileList->setCurrentRow(row);
    }
}

void ServerProfileDialog::addProfile()
{
    ServerProfile profile;
    profile.id = newId();
    profile.name = tr("New server");
    m_profiles << profile;
    m_ui->profileList->addItem(QString());
    updateListItem(m_profiles.size() - 1);
    m_ui->profileList->setCurrentRow(m_profiles.size() - 1);
    m_ui->urlEdit->setFocus();
}

void ServerProfileDialog::duplicateProfile()
{
    const int row = currentRow();
    if (row < 0)
        return;
    ServerProfile copy = m_profiles.at(row);
    copy.id = newId();
    copy.name = tr("%1 (copy)").arg(copy.name);
    m_profiles << copy;
    m_ui->profileList->addItem(QString());
    updateListItem(m_profiles.size() - 1);
    m_ui->profileList->setCurrentRow(m_profiles.size() - 1);
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

bool ServerProfileDialog::removeProfile()
{
    const int row = currentRow();
    if (row < 0 || m_profiles.size() <= 1)
        return false;
    m_profiles.removeAt(row);
    delete m_ui->profileList->takeItem(row);
    m_ui->profileList->setCurrentRow(qMin(row, m_profiles.size() - 1));
    return true;
}

void ServerProfileDialog::accept()
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (!InputValidation::isValidServerUrl(m_profiles.at(row).url)) {
            m_ui->profileList->setCurrentRow(row);
            m_ui->urlMessage->show();
            m_ui->urlEdit->setFocus();
            return;
        }
    }
    QDialog::accept();
}

int ServerProfileDialog::currentRow() const
{
    const int row = m_ui->profileList->currentRow();
    return row >= 0 && row < m_profiles.size() ? row : -1;
}

void ServerProfileDialog::showProfile(int row)
{
    if (row < 0 || row >= m_profiles.size())
        return;
    const ServerProfile &p = m_profiles.at(row);
    m_loading = true;
    m_ui->nameEdit->setText(p.name);
    m_ui->urlEdit->setText(p.url);
    int protocolIndex = m_ui->protocolCombo->findData(p.protocol);
    if (protocolIndex < 0) {
        // A name this build does not offer (a backend left out): keep it rather than change it.
        m_ui->protocolCombo->addItem(p.protocol, p.protocol);
        protocolIndex = m_ui->protocolCombo->count() - 1;
    }
    m_ui->protocolCombo->setCurrentIndex(protocolIndex);
    m_ui->certHashEdit->setText(p.clientCertHash);
    m_ui->pinnedEdit->setText(CertificateDialog::colonHex(p.pinnedCertificate));
    m_ui->pinnedEdit->setCursorPosition(0);
    m_ui->pinnedEdit->setToolTip(m_ui->pinnedEdit->text());
    m_loading = false;
    updateFieldStates();
}

void ServerProfileDialog::storeField()
{
    const int row = currentRow();
    if (m_loading || row < 0)
        return;
    ServerProfile &p = m_profiles[row];
    p.name = m_ui->nameEdit->text().trimmed();
    p.url = m_ui->urlEdit->text().trimmed();
    p.protocol = m_ui->protocolCombo->currentData().toString();
    p.clientCertHash = m_ui->certHashEdit->text().trimmed();
    updateListItem(row);
    updateFieldStates();
}

void ServerProfileDialog::updateListItem(int row)
{
    QListWidgetItem *item = m_ui->profileList->item(row);
    if (!item)
        return;
    const ServerProfile &p = m_profiles.at(row);
    item->setText(p.name.isEmpty() ? (p.url.isEmpty() ? tr("Unnamed server") : p.url) : p.name);
    item->setToolTip(p.url);
}

void ServerProfileDialog::updateFieldStates()
{
    const int row = currentRow();
    const ServerProfile p = row >= 0 ? m_profiles.at(row) : ServerProfile {};
    const QString problem = InputValidation::serverUrlProblem(p.url);
    m_ui->urlMessage->setText(problem);
    // An empty address of a new profile is not an error yet; say so once the user typed.
    m_ui->urlMessage->setVisible(!problem.isEmpty() && !p.url.isEmpty());
    const bool hashShown = usesClientCertHash(p.protocol, p.url);
    m_ui->form->setRowVisible(m_ui->certHashColumn, hashShown);
    m_ui->forgetButton->setVisible(!p.pinnedCertificate.isEmpty());
    m_ui->removeButton->setEnabled(m_profiles.size() > 1);
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(problem.isEmpty());
}

void ServerProfileDialog::fillProtocolCombo()
{
    const QSignalBlocker blocker(m_ui->protocolCombo);
    const QString current = m_ui->protocolCombo->currentData().toString();
    m_ui->protocolCombo->clear();
    for (const auto &[name, label] : protocolChoices())
        m_ui->protocolCombo->addItem(label, name);
    const int index = m_ui->protocolCombo->findData(current);
    m_ui->protocolCombo->setCurrentIndex(index >= 0 ? index : 0);
}

void ServerProfileDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillProtocolCombo();
        for (int row = 0; row < m_profiles.size(); ++row)
            updateListItem(row);
        showProfile(currentRow());
    } else if (event->type() == QEvent::PaletteChange) {
        AuthStyle::styleAsError(m_ui->urlMessage, palette());
        AuthStyle::styleAsCaption(m_ui->certHashHint, palette());
    }
    QDialog::changeEvent(event);
}

} // namespace Natter
