import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { freePort } from '../../server/utils/net'

export interface ReceivedMail { to: string, subject: string, text: string }

/** A real SMTP server on a local port that keeps what it receives, for SMTP_URL in tests. */
export async function startSmtp() {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        for (const to of session.envelope.rcptTo) received.push({ to: to.address, subject: mail.subject ?? '', text: mail.text ?? '' })
        callback()
      }, callback)
    },
  })
  const port = await freePort()
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The first mail to `to` whose subject contains `subject`, waiting for it up to 10 s. */
    async waitFor(to: string, subject: string): Promise<ReceivedMail> {
      for (let i = 0; i < 100; i++) {
        const mail = received.find(m => m.to === to && m.subject.includes(subject))
        if (mail) return mail
        await new Promise(resolve => setTimeout(resolve, 100))
      }
      throw new Error(`no mail "${subject}" to ${to}; got ${JSON.stringify(received.map(m => [m.to, m.subject]))}`)
    },
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}
