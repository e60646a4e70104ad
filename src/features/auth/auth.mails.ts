// The texts of the e-mails the account flows send, in the recipient's language.
export interface AccountMail {
  subject: string;
  text: string;
}

export function invitationMail(locale: 'da' | 'en', values: { name: string; organisationName: string; link: string; validDays: number }): AccountMail {
  if (locale === 'en') {
    return {
      subject: 'Your invitation to Knudepunkt',
      text: `Dear ${values.name},\n\nYou have been invited to Knudepunkt as a user at ${values.organisationName}.\nChoose your password here (the link works once and for ${values.validDays} days):\n\n${values.link}\n\nIf you did not expect this e-mail, you can ignore it.\n\nKnudepunkt`,
    };
  }
  return {
    subject: 'Din invitation til Knudepunkt',
    text: `Kære ${values.name}\n\nDu er inviteret til Knudepunkt som bruger hos ${values.organisationName}.\nVælg din adgangskode her (linket virker én gang og i ${values.validDays} dage):\n\n${values.link}\n\nHvis du ikke ventede denne e-mail, kan du se bort fra den.\n\nKnudepunkt`,
  };
}

export function passwordResetMail(locale: 'da' | 'en', values: { name: string; link: string; validMinutes: number }): AccountMail {
  if (locale === 'en') {
    return {
      subject: 'Reset your Knudepunkt password',
      text: `Dear ${values.name},\n\nSomeone (hopefully you) asked to reset your password for Knudepunkt.\nChoose a new password here (the link works once and for ${values.validMinutes} minutes):\n\n${values.link}\n\nIf you did not ask for this, ignore this e-mail: your password is unchanged.\n\nKnudepunkt`,
    };
  }
  return {
    subject: 'Nulstil din adgangskode til Knudepunkt',
    text: `Kære ${values.name}\n\nNogen (forhåbentlig dig) har bedt om at nulstille din adgangskode til Knudepunkt.\nVælg en ny adgangskode her (linket virker én gang og i ${values.validMinutes} minutter):\n\n${values.link}\n\nHvis det ikke var dig, kan du se bort fra denne e-mail: din adgangskode er uændret.\n\nKnudepunkt`,
  };
}
