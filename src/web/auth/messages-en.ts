/** The members' strings (sign-in, account, administration, census, review, history), in English: membersFr's keys. */
export const membersEn = {
} as const;
