import { createTheme } from '@mantine/core';

/** Calm and legible: one primary colour, 14 px base text for dense tables, visible focus rings. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontSizes: { xs: '13px', sm: '14px', md: '15px', lg: '17px', xl: '20px' },
  defaultRadius: 'sm',
  focusRing: 'always',
  cursorType: 'pointer',
});
