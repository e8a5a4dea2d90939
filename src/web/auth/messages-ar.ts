/** The members' strings (sign-in, account, administration, census, review, history), in Arabic: membersFr's keys. */
export const membersAr = {
} as const;
