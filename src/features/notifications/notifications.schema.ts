import { z } from 'zod';
import { notificationKinds, type NotificationKind } from '../../db/tables/notifications.ts';

export { notificationKinds, type NotificationKind };

/** The preferences form: the kinds ticked "Send også e-mail" (none ticked = no field at all). */
export const preferencesInput = z.object({
  email: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : [value].flat()),
    z.array(z.enum(notificationKinds, { message: `Vælg blandt ${notificationKinds.join(', ')}.` })),
  ),
});

export const notificationKindLabels: Record<NotificationKind, { da: string; en: string }> = {
  referralNew: { da: 'Ny henvisning til min organisation', en: 'A new referral to my organisation' },
  referralChanged: { da: 'Ændret status på en henvisning', en: 'A referral changed state' },
  referralOverdue: { da: 'Henvisning ikke kontaktet inden for servicemålet', en: 'A referral not contacted within the service goal' },
};

export interface Notification {
  id: string;
  kind: NotificationKind;
  referralId: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  /** The page the notification is about (relative). */
  href: string | null;
}
