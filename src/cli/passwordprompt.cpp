// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordprompt.h"

#include <cstdio>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#define NATTER_ISATTY _isatty
#define NATTER_FILENO _fileno
#else
#include <termios.h>
#include <unistd.h>
#define NATTER_ISATTY isatty
#define NATTER_FILENO fileno
#endif

namespace Natter::Cli {

namespace {

QString readLine()
{
    std::string line;
    int c;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(char(c));
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

/// Turns terminal echo off for its lifetime.
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_WIN
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        GetConsoleMode(m_handle, &m_mode);
        SetConsoleMode(m_handle, m_mode & ~ENABLE_ECHO_INPUT);
#else
        if (tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_WIN
        SetConsoleMode(m_handle, m_mode);
#else
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
    }

private:
#ifdef Q_OS_WIN
    HANDLE m_handle;
    DWORD m_mode = 0;
#else
    termios m_saved {};
    bool m_active = false;
#endif
};

} // namespace

Result<QString> readPassword(bool fromStdin, const QString &prompt)
{
    if (fromStdin) {
        const QString password = readLine();
        if (password.isEmpty())
            return Error::make(Error::Code::InvalidArgument,
                QStringLiteral("--password-stdin: standard input held no password"));
        return password;
    }
    if (!NATTER_ISATTY(NATTER_FILENO(stdin)))
        return Error::make(Error::Code::InvalidArgument,
            QStringLiteral("no terminal to ask for the password; use --password-stdin"));
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    QString password;
    {
        EchoOff echoOff;
        password = readLine();
    }
    std::fputc('\n', stderr);
    if (password.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("empty password"));
    return password;
}

} // namespace Natter::Cli
