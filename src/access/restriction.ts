import { registerEnumType } from 'type-graphql';

/** Who, besides the owning organization, may see a transaction. */
export enum Restriction {
  RESTRICTED = 'RESTRICTED',
  UNRESTRICTED = 'UNRESTRICTED',
}

registerEnumType(Restriction, {
  name: 'Restriction',
  description:
    'Transaction restriction (ClientTrack "Transaction Restriction Option"): who besides the owning organization may see a record.',
  valuesConfig: {
    RESTRICTED: {
      description: 'Visible to the owning organization only, whatever the information releases say.',
    },
    UNRESTRICTED: {
      description:
        'Also visible to organizations the owner shares with through an active information release (MOU), and through release exceptions.',
    },
  },
});
